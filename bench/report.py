"""The plain-text report: one table per subject, each figure against dialog and issue 15's target."""

MIB = 1024.0


def _fmt(stat, unit=None):
    if not stat:
        return "n/a"
    u = unit or stat["unit"]
    if u == "s":
        f = lambda v: f"{v * 1000:.2f}"           # noqa: E731
        suffix = " ms"
    elif u == "KiB":
        f = lambda v: f"{v / MIB:.1f}"             # noqa: E731
        suffix = " MiB"
    else:
        f = lambda v: f"{v:g}"                     # noqa: E731
        suffix = f" {u}" if u else ""
    return f"{f(stat['median'])}{suffix} ({f(stat['min'])}–{f(stat['max'])}, n={stat['n']})"


def _ratio(a, b):
    if a and b and b["median"]:
        return a["median"] / b["median"]
    return None


def rows(res):
    """(figure, subject stat, dialog stat, ratio, target text, met: True/False/None, note)."""
    out = []

    def add(name, stat, peer=None, ratio_max=None, limit=None, target="", note=None):
        ratio = _ratio(stat, peer) if peer is not None else None
        met = None
        if stat:
            if ratio_max is not None:
                met = None if ratio is None else ratio <= ratio_max
            elif limit is not None:
                met = stat["median"] <= limit
        out.append((name, stat, peer, ratio, target, met, note))

    st, peer = res.get("startup", {}), res.get("peer_startup", {})
    echo = res.get("echo", {})
    add("1 start-up to first frame", st.get("startup"), peer.get("startup"), 1.5, target="≤ 1.5× dialog",
        note=st.get("error"))
    contexts = (("field", "field"), ("editor_1k", "editor 1 KB"), ("editor_1m", "editor 1 MB"),
                ("editor_1m_line", "editor 1 MB, one line"))
    for key, label in contexts:
        e = echo.get(key, {})
        add(f"2 echo, {label}", e.get("echo"), echo.get(key + "_peer", {}).get("echo"), 1.5,
            target="≤ 1.5× inputbox", note=e.get("error"))
        if key + "_ebox" in echo:
            add(f"2 echo, {label} (vs --editbox)", e.get("echo"), echo[key + "_ebox"].get("echo"), 1.5,
                target="≤ 1.5× editbox", note=echo[key + "_ebox"].get("error"))
    e1k = echo.get("editor_1k", {}).get("echo")
    for key, label in (("editor_1m", "2 echo 1 MB / echo 1 KB"), ("editor_1m_line", "2 echo 1 MB line / 1 KB")):
        same = _ratio(echo.get(key, {}).get("echo"), e1k)
        out.append((label, None, None, same, "≤ 1.25 (the same)", None if same is None else same <= 1.25, None))
    for key, label in contexts:
        e = echo.get(key, {})
        limit = 32 if key == "field" else 64
        peer_key = key + ("_ebox" if key + "_ebox" in echo else "_peer")
        add(f"3 bytes per typed char ({label})", e.get("bytes_per_char"),
            echo.get(peer_key, {}).get("bytes_per_char"), limit=limit, target=f"≤ {limit} B",
            note=f"first key on its own: {_fmt(e.get('bytes_first_key'))}" if e.get("bytes_first_key") else None)
    sc = res.get("step", {})
    add("3 bytes for one step change", sc.get("bytes"), res.get("peer_step", {}).get("bytes"),
        target="(reported)", note=sc.get("error"))
    for key, limit in (("paste", 0.020), ("paste_1m", 0.100)):
        p = res.get(key, {})
        if not p:
            continue
        kb = p.get("kb", 100)
        size = "1 MB" if kb == 1024 else f"{kb} KB"
        add(f"4 {size} paste until all on screen", p.get("time"),
            limit=limit if kb in (100, 1024) else None, target=f"< {limit * 1000:g} ms", note=p.get("error"))
        reads = p.get("reads")
        add(f"4 frames drawn for the {size} paste", p.get("frames"), limit=1, target="1 frame",
            note=f"output chunks read: {_fmt(reads)}" if reads else None)
    add("5 peak RSS at first frame", st.get("rss_first_frame"), peer.get("rss_first_frame"),
        limit=12 * MIB, target="< 12 MiB")
    m = res.get("memory_large", {})
    add("5 peak RSS with the large draft", m.get("rss"), limit=48 * MIB, target="< 48 MiB",
        note=m.get("error"))
    add("5 open the large draft to first frame", m.get("open"), limit=0.040, target="< 40 ms")
    return out


def text(report):
    lines = []
    m = report["machine"]
    lines += [f"assistant-wizard benchmarks — {m['date']}",
              f"machine: {m['cpu']} × {m['nproc']}, Linux {m['kernel']}",
              f"load average before/after: {m['load_before']} / {m['load_after']}"
              + ("  (busy: other work shares the cores)" if m["busy"] else ""),
              f"versions: {m['dialog']}, Python {m['python']}, pyte {m['pyte']}",
              "runs: " + ", ".join(f"{k} {v:g}" for k, v in report["runs"].items()), ""]
    for name, res in report["subjects"].items():
        lines.append(f"== {name} vs dialog --inputbox" + (f" — {res['note']}" if res.get("note") else ""))
        if res.get("unavailable"):
            lines += [f"   not available: {res['unavailable']}", ""]
            continue
        w = 40
        lines.append(f"   {'figure':<{w}} {'subject: median (min–max)':<36} {'dialog: median (min–max)':<36}"
                     f" {'ratio':>6}  {'target':<18} result")
        for fig, stat, peer, ratio, target, met, note in rows(res):
            r = f"{ratio:.2f}" if ratio is not None else ""
            verdict = {True: "met", False: "MISSED", None: "-"}[met]
            cell = _fmt(stat) if stat is not None or ratio is None else ""   # the 1 MB / 1 KB row
            lines.append(f"   {fig:<{w}} {cell:<36} {_fmt(peer) if peer else '':<36} {r:>6}  {target:<18} {verdict}")
            if note:
                lines.append(f"   {'':<{w}}   ↳ {note}")
        lines.append("")
    ip = report.get("in_process", {})
    lines.append("== 6 in-process: validate + encode (target < 5 ms), and the text area alone (assistant-wizard-bench)")
    lines += ["   " + ln for ln in (ip.get("output") or ip.get("error") or "").splitlines()]
    return "\n".join(lines) + "\n"
