#!/usr/bin/env python3
# man2md.py: the terrind manual page as a page of the API reference
#
# Copyright (C) 2026 The libterrind authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   man2md.py tools/terrind.1 > terrind.md
#
# tools/terrind.1 stays the one source of the tool's manual; this turns the
# man(7) macros it uses (.TH .SH .SS .PP .TP .IP .RS .RE .B .I .BR .RB .IR
# .RI .br and the \f, \-, \(en, \e escapes) into Markdown for gi-docgen.
# Anything else is an error, so that a new macro in the page is not
# silently dropped from the reference.

import html
import re
import sys

FONTS = {'B': ('**', '**'), 'I': ('*', '*'), 'R': ('', '')}


def inline(text):
    """Roff escapes and font changes to Markdown."""
    text = text.replace('\\-', '-').replace('\\(en', '\u2013').replace('\\(em', '\u2014')
    text = text.replace('\\e', '\\\\').replace('\\&', '').replace('\\ ', ' ')
    out = []
    font = 'R'
    for part in re.split(r'(\\f[BIRP])', text):
        m = re.match(r'\\f([BIRP])$', part)
        if m:
            out.append(FONTS[font][1])
            font = 'R' if m.group(1) == 'P' else m.group(1)
            out.append(FONTS[font][0])
        else:
            out.append(html.escape(part, quote=False).replace('_', '\\_'))
    out.append(FONTS[font][1])
    return ''.join(out).replace('****', '')


def args(line):
    """The arguments of a macro line, quotes honoured."""
    return [a[1:-1] if a.startswith('"') else a
            for a in re.findall(r'"[^"]*"|\S+', line)]


def alternate(fonts, words):
    return ''.join(inline('\\f%s%s\\fR' % (fonts[i % 2], w)) for i, w in enumerate(words))


def convert(lines):
    out = []
    title = 'terrind'
    para = []
    state = {'term': False, 'indent': ''}

    def flush():
        if para:
            text = ' '.join(para)
            if state['term']:
                out.append(state['indent'] + ':   ' + text if not state['indent'] else ':   ' + text)
                state['term'] = False
            else:
                out.append(state['indent'] + text)
            out.append('')
            del para[:]

    pending_term = False
    for raw in lines:
        line = raw.rstrip('\n')
        if line.startswith('.\\"') or line == '.':
            continue
        m = re.match(r'^\.([A-Za-z]+)\s*(.*)$', line)
        if not m:
            text = inline(line)
        else:
            macro, rest = m.group(1), m.group(2)
            if macro == 'TH':
                title = '%s(%s)' % (args(rest)[0].lower(), args(rest)[1])
                continue
            if macro in ('SH', 'SS'):
                flush()
                state['indent'] = ''
                heading = ' '.join(args(rest))
                out.append(('## ' if macro == 'SH' else '### ') + heading.capitalize())
                out.append('')
                continue
            if macro in ('PP', 'LP', 'P'):
                flush()
                state['indent'] = ''
                continue
            if macro == 'TP':
                flush()
                state['indent'] = ''
                pending_term = True
                continue
            if macro == 'IP':
                flush()
                state['indent'] = '    '
                continue
            if macro in ('RS', 'RE'):
                flush()
                continue
            if macro == 'br':
                if para:
                    para[-1] += '  \n'
                continue
            if macro in ('B', 'I'):
                text = inline('\\f%s%s\\fR' % (macro, ' '.join(args(rest))))
            elif macro in ('BR', 'RB', 'IR', 'RI', 'BI', 'IB'):
                text = alternate(macro, args(rest))
            else:
                raise SystemExit('man2md: unsupported macro .%s: %s' % (macro, line))
        if pending_term:
            out.append(text)
            pending_term = False
            state['term'] = True
            continue
        para.append(text)
    flush()
    return ['Title: %s' % title, ''] + ['# %s' % title, ''] + out


def main(argv):
    with open(argv[1], encoding='utf-8') as f:
        sys.stdout.write('\n'.join(convert(f.readlines())) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
