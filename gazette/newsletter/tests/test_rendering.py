"""Packing an HTML mail's lines: fewer lines, same rendering, room left for each reader's links."""

from __future__ import annotations

from gazette.newsletter.rendering import PREFERENCES_MARK, UNSUBSCRIBE_MARK, pack_lines


def test_packed_lines_keep_the_words_and_leave_per_reader_links_on_their_own_lines():
    rows = [
        f'<tr><td style="padding:16px 32px;">Story {i} about the harbour</td></tr>'
        for i in range(40)
    ]
    footer = f'<p><a href="{UNSUBSCRIBE_MARK}">Unsubscribe</a> · <a href="{PREFERENCES_MARK}">Prefs</a></p>'
    html = "\n".join([*rows[:20], footer, *rows[20:]])

    packed = pack_lines(html, width=300)

    lines = packed.split("\n")
    assert len(lines) < len(rows) // 3
    assert all(len(line) <= 300 for line in lines)
    assert footer in lines, "a line with a reader's links is never joined to another"
    assert packed.replace("\n", " ").split() == html.replace("\n", " ").split()
