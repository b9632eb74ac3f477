#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
/* Must come before <curses.h>: turns on the wide-char API (get_wch, cchar_t, mvaddnwstr).
 * SwiftPM drops pkg-config -D flags, so the header defines them itself. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <langinfo.h>
#include <signal.h>
#include <termios.h>
#include <sys/ioctl.h>
#include <ncursesw/curses.h>

/* Swift 6 rejects reading C mutable globals; re-declared nonisolated(unsafe). */
extern WINDOW *stdscr __attribute__((swift_attr("nonisolated(unsafe)")));
extern WINDOW *curscr __attribute__((swift_attr("nonisolated(unsafe)")));
extern int LINES __attribute__((swift_attr("nonisolated(unsafe)")));
extern int COLS __attribute__((swift_attr("nonisolated(unsafe)")));
extern int COLORS __attribute__((swift_attr("nonisolated(unsafe)")));
extern int COLOR_PAIRS __attribute__((swift_attr("nonisolated(unsafe)")));
extern int ESCDELAY __attribute__((swift_attr("nonisolated(unsafe)")));

/* Attribute, mouse-mask and key macros Swift cannot import. */
static inline attr_t ncs_A_NORMAL(void)    { return A_NORMAL; }
static inline attr_t ncs_A_BOLD(void)      { return A_BOLD; }
static inline attr_t ncs_A_DIM(void)       { return A_DIM; }
static inline attr_t ncs_A_REVERSE(void)   { return A_REVERSE; }
static inline attr_t ncs_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t ncs_A_ITALIC(void)    { return A_ITALIC; }
static inline mmask_t ncs_ALL_MOUSE_EVENTS(void)      { return ALL_MOUSE_EVENTS; }
static inline mmask_t ncs_REPORT_MOUSE_POSITION(void) { return REPORT_MOUSE_POSITION; }
static inline mmask_t ncs_BUTTON1_PRESSED(void)  { return BUTTON1_PRESSED; }
static inline mmask_t ncs_BUTTON1_RELEASED(void) { return BUTTON1_RELEASED; }
static inline mmask_t ncs_BUTTON1_CLICKED(void)  { return BUTTON1_CLICKED; }
static inline mmask_t ncs_BUTTON1_DOUBLE_CLICKED(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t ncs_BUTTON3_PRESSED(void)  { return BUTTON3_PRESSED; }
static inline mmask_t ncs_BUTTON3_CLICKED(void)  { return BUTTON3_CLICKED; }
static inline mmask_t ncs_BUTTON4_PRESSED(void)  { return BUTTON4_PRESSED; } /* wheel up */
#if NCURSES_MOUSE_VERSION > 1
static inline mmask_t ncs_BUTTON5_PRESSED(void)  { return BUTTON5_PRESSED; } /* wheel down */
#else
static inline mmask_t ncs_BUTTON5_PRESSED(void)  { return 0; }
#endif
static inline mmask_t ncs_BUTTON_SHIFT(void) { return BUTTON_SHIFT; }
static inline mmask_t ncs_BUTTON_CTRL(void)  { return BUTTON_CTRL; }
static inline mmask_t ncs_BUTTON_ALT(void)   { return BUTTON_ALT; }
static inline int ncs_KEY_F(int n) { return KEY_F(n); }

/* Terminfo flags the frame writer needs; declared here because <term.h> defines capability
 * names (lines, columns, …) as macros. */
extern int tigetflag(const char *);
/* Erasing (EL) paints the current background colour. */
static inline int ncs_back_color_erase(void) { return tigetflag("bce") > 0; }
/* Writing the last column does not wrap at once (so the bottom-right cell can be written). */
static inline int ncs_eat_newline_glitch(void) { return tigetflag("xenl") > 0; }
extern char *tigetstr(const char *);
/* The terminal inserts and deletes characters in a row (ICH and DCH with a count). */
static inline int ncs_insert_delete_chars(void) {
    char *ich = tigetstr("ich"), *dch = tigetstr("dch");
    return ich && ich != (char *)-1 && dch && dch != (char *)-1;
}

/* Signal plumbing: sigaction's handler fields are a union behind macros in glibc. */
static inline int ncs_sigaction_handler(int sig, void (*handler)(int), int flags) {
    struct sigaction sa;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = flags;
    sa.sa_handler = handler;
    return sigaction(sig, &sa, 0);
}
static inline int ncs_sigaction_default(int sig) {
    struct sigaction sa;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sa.sa_handler = SIG_DFL;
    return sigaction(sig, &sa, 0);
}
/* Crash signals: install an SA_SIGINFO handler on the alternate stack, saving the previous
 * action (the Swift backtracer's) so the handler can chain to it. */
static inline int ncs_sigaction_info(int sig, void (*handler)(int, siginfo_t *, void *),
                                     struct sigaction *saved) {
    struct sigaction sa;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sa.sa_sigaction = handler;
    return sigaction(sig, &sa, saved);
}
static inline int ncs_sigaction_restore(int sig, const struct sigaction *saved) {
    return sigaction(sig, saved, 0);
}
static inline int ncs_siginfo_code(const siginfo_t *info) { return info ? info->si_code : 0; }
#endif
