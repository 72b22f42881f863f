#!/usr/bin/env python3
"""Compares the pages of two directories of page-snapshots.sh by their DOM, file by file.

    loadtest/scripts/html-compare.py <before-dir> <after-dir> [part-of-file-name]

Each page is parsed (Python's html.parser) into its tags with sorted attributes and its texts with whitespace made
one; comments, the CSRF token's value (masked anew for every page) and the difference between `checked` and
`checked="checked"` are set aside. Prints the first differences of each page that differs, then how many are the same.
"""
import difflib
import os
import re
import sys
from html.parser import HTMLParser

VOID = {'input', 'br', 'meta', 'link', 'img', 'hr', 'source'}
BOOLEAN = {'checked', 'selected', 'disabled', 'defer', 'required', 'readonly', 'multiple'}


class Dom(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []

    def handle_starttag(self, tag, attrs):
        csrf = ('name', '_csrf') in attrs
        shown = []
        for k, v in attrs:
            if k == 'value' and csrf:
                v = 'CSRF'
            if k in BOOLEAN and v in (None, '', k):
                v = k
            shown.append((k, v))
        self.out.append('<%s %s>' % (tag, ' '.join('%s=%r' % kv for kv in sorted(shown))))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag not in VOID:
            self.out.append('</%s>' % tag)

    def handle_data(self, data):
        data = re.sub(r'\s+', ' ', data).strip()
        if data:
            self.out.append(data)


def dom(path):
    parser = Dom()
    with open(path, encoding='utf-8') as f:
        parser.feed(f.read())
    return parser.out


def main():
    before, after = sys.argv[1], sys.argv[2]
    part = sys.argv[3] if len(sys.argv) > 3 else ''
    files = [f for f in sorted(os.listdir(before)) if part in f]
    differ = 0
    for name in files:
        a, b = dom(os.path.join(before, name)), dom(os.path.join(after, name))
        if a != b:
            differ += 1
            diff = list(difflib.unified_diff(a, b, lineterm='', n=1))
            print('==', name)
            print('\n'.join(diff[:20]))
    print(f'{len(files) - differ} of {len(files)} pages the same')
    sys.exit(1 if differ else 0)


if __name__ == '__main__':
    main()
