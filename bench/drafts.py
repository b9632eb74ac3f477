"""The texts and draft files the scenes preload ({text}, {draft}).

The draft is the request body as the API takes it (name, prompt, faq_items, structured_output_config).
If the wizard's draft file wraps it differently, change `draft_json` only.
"""
import json
import os

LINE = "The quick brown fox jumps over the lazy dog; the assistant waits for {{caller_name}}. 0123456789\n"
PASTE_END = "<<END-OF-PASTE>>"


def text_of(size):
    """ASCII prose of exactly `size` bytes, lines of under 100 columns, ending in a newline."""
    if size == 0:
        return ""
    s = LINE * (size // len(LINE) + 1)
    return s[:size - 1] + "\n"


def one_line_of(size):
    """The same prose as one line of exactly `size` bytes (no newline): the worst case for a
    line-based buffer."""
    return text_of(size + 1).replace("\n", " ")[:size]


def paste_of(size):
    """`size` bytes to paste; its last line is PASTE_END, so "all of it is on screen" is checkable."""
    tail = PASTE_END
    return text_of(size - len(tail)) + tail


def draft_json(prompt, faq=0, fields=0):
    body = {"name": "Benchmark assistant", "prompt": prompt}
    if faq:
        body["faq_items"] = [{"question": f"Question {i}: what are the opening hours of shop {i}?",
                              "answer": f"Shop {i} opens at 9am and closes at 6pm, Monday to Saturday."}
                             for i in range(faq)]
    if fields:
        body["structured_output_config"] = [
            {"name": f"field_{i}", "type": "enum" if i % 5 == 0 else "string", "required": i % 2 == 0,
             "description": f"Extracted value number {i}",
             **({"enum_options": ["yes", "no", "maybe"]} if i % 5 == 0 else {})}
            for i in range(fields)]
    return json.dumps(body, ensure_ascii=False, indent=2)


def write_files(directory):
    """Write every preload file once; returns {name: path}."""
    os.makedirs(directory, exist_ok=True)
    files = {
        "text-0": text_of(0), "text-1k": text_of(1024), "text-1m": text_of(1 << 20),
        "draft-0.json": draft_json(""), "draft-1k.json": draft_json(text_of(1024)),
        "draft-1m.json": draft_json(text_of(1 << 20)),
        "text-1m-line": one_line_of(1 << 20), "draft-1m-line.json": draft_json(one_line_of(1 << 20)),
        "draft-large.json": draft_json(text_of(1 << 20), faq=1000, fields=200),
    }
    paths = {}
    for name, content in files.items():
        paths[name] = os.path.join(directory, name)
        with open(paths[name], "w") as f:
            f.write(content)
    return paths
