#!/usr/bin/env python3
# gir-docs.py: check the documentation in Terrind-1.gir and write the copy
# of it that gi-docgen renders
#
# Copyright (C) 2026 The libterrind authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   gir-docs.py MAP IN.gir OUT.gir
#
# The doc comments are written in gtk-doc's style (terrind_registry_new(),
# #TerrindRegion, %TERRIND_ERROR_PARSE, @registry), which gi-docgen shows
# as plain text. This script turns each reference into a gi-docgen link or
# code span, and fails, naming the file and line of the comment, when:
#
#   - a reference to a libterrind name (terrind_*(), #Terrind*, %TERRIND_*)
#     names nothing in the GIR;
#   - a symbol has no documentation: a type, constant, macro or enumeration
#     value without text, a function without a description or a Returns:,
#     a parameter or a non-void return value without text;
#   - a symbol has no Since:, or a function's Since: is not the version of
#     the node lib/libterrind.map lists it in.
#
# A function documented by its Returns: alone gets that text as its summary
# in the copy ("Returns the number of territories."), so that gi-docgen's
# own check, which wants a summary, passes too.

import re
import sys
import xml.etree.ElementTree as ET

CORE = 'http://www.gtk.org/introspection/core/1.0'
C = 'http://www.gtk.org/introspection/c/1.0'
GLIB = 'http://www.gtk.org/introspection/glib/1.0'
for prefix, uri in (('', CORE), ('c', C), ('glib', GLIB)):
    ET.register_namespace(prefix, uri)


def q(tag, ns=CORE):
    return '{%s}%s' % (ns, tag)


NODE_VERSIONS = {'TERRIND_1.0': '1.0', 'TERRIND_1.0.1': '1.0.1', 'TERRIND_1.1': '1.1'}
CALLABLES = ('function', 'method', 'constructor', 'function-macro')
TYPES = ('record', 'enumeration', 'bitfield', 'class', 'alias', 'callback')


def read_map(path):
    versions = {}
    node = None
    with open(path, encoding='utf-8') as f:
        for line in f:
            m = re.match(r'^(TERRIND_[0-9_.]+) \{', line)
            if m:
                node = m.group(1)
                continue
            m = re.match(r'^\s+(terrind_\w+);', line)
            if m and node in NODE_VERSIONS:
                versions[m.group(1)] = NODE_VERSIONS[node]
    return versions


class Docs:
    def __init__(self, root, map_versions):
        self.root = root
        self.ns = root.find(q('namespace'))
        self.name = self.ns.get('name')
        self.map_versions = map_versions
        self.errors = []
        self.links = {}      # C name -> gi-docgen link
        self.members = set()  # enumeration values, shown as code
        self._index()

    def _index(self):
        ns = self.name
        for el in self.ns:
            tag = el.tag.split('}')[1]
            ctype = el.get(q('type', C))
            if tag in TYPES and ctype:
                fragment = {'record': 'struct', 'enumeration': 'enum', 'bitfield': 'flags',
                            'class': 'class', 'alias': 'alias', 'callback': 'callback'}[tag]
                if tag == 'enumeration' and el.get(q('error-domain', GLIB)):
                    fragment = 'error'
                self.links[ctype] = '[%s@%s.%s]' % (fragment, ns, el.get('name'))
                for member in el.findall(q('member')):
                    self.members.add(member.get(q('identifier', C)))
            if tag == 'constant':
                self.links[el.get(q('type', C))] = '[const@%s.%s]' % (ns, el.get('name'))
            if tag == 'enumeration' and el.get(q('error-domain', GLIB)):
                # TERRIND_ERROR, the domain's macro, is not in the GIR
                self.links[el.get(q('error-domain', GLIB)).upper().replace('-QUARK', '')] = \
                    '[error@%s.%s]' % (ns, el.get('name'))
        # gi-docgen's id@ finds neither functions nested in a type nor
        # macros: name each callable by where it lives instead.
        fragments = {'function': 'func', 'method': 'method', 'constructor': 'ctor',
                     'function-macro': 'func'}
        # (A function the GIR lists both at the top and in its type, as
        # terrind_error_get_file(), is shown by gi-docgen in its type.)
        for el in self.ns:
            tag = el.tag.split('}')[1]
            if tag in fragments:
                self.links[el.get(q('identifier', C)) or el.get('name')] = \
                    '[func@%s.%s]' % (ns, el.get('name'))
        for el in self.ns:
            for child in el:
                ctag = child.tag.split('}')[1]
                if ctag in fragments and child.get(q('identifier', C)):
                    self.links[child.get(q('identifier', C))] = '[%s@%s.%s.%s]' % (
                        fragments[ctag], ns, el.get('name'), child.get('name'))
        self.links['TERRIND_ERROR'] = '[error@%s.Error]' % ns

    def where(self, el, doc=None):
        doc = doc if doc is not None else el.find(q('doc'))
        if doc is not None and doc.get('filename'):
            return '%s:%s' % (doc.get('filename'), doc.get('line'))
        pos = el.find(q('source-position'))
        if pos is not None:
            return '%s:%s' % (pos.get('filename'), pos.get('line'))
        return '?'

    def fail(self, where, message):
        self.errors.append('%s: %s' % (where, message))

    # References

    REF_RE = re.compile(r'''
        (?P<code>`[^`]*`)
      | (?P<func>(?<![\w.])[A-Za-z_]\w*)\(\)
      | \#(?P<type>[A-Za-z_]\w*)
      | %(?P<const>[A-Za-z_]\w*)
      | (?<![\w@])@(?P<param>[A-Za-z_]\w*)
    ''', re.VERBOSE)

    def rewrite_text(self, text, where):
        out = []
        in_block = False
        for line in text.split('\n'):
            if line.strip().startswith('```') or line.strip().startswith('|['):
                in_block = not in_block if line.strip().startswith('```') else True
                out.append(line.replace('|[', '```'))
                continue
            if line.strip().startswith(']|'):
                in_block = False
                out.append(line.replace(']|', '```'))
                continue
            out.append(line if in_block else self.REF_RE.sub(lambda m: self.ref(m, where), line))
        return '\n'.join(out)

    def ref(self, m, where):
        if m.group('code'):
            return m.group('code')
        if m.group('param'):
            return '`%s`' % m.group('param')
        name = m.group('func') or m.group('type') or m.group('const')
        ours = name.lower().startswith('terrind')
        if name in self.links:
            return self.links[name]
        if name in self.members:
            return '`%s`' % name
        if ours:
            self.fail(where, 'reference to %s names nothing in the API' % m.group(0))
        if m.group('func'):
            return '`%s()`' % name
        return '`%s`' % name

    # Completeness

    def check_version(self, el, what):
        version = el.get('version')
        if version is None:
            self.fail(self.where(el), '%s has no Since:' % what)
            return
        ident = el.get(q('identifier', C))
        expected = self.map_versions.get(ident)
        if ident and ident.startswith('terrind_') and expected is None and el.get('introspectable') != '0':
            self.fail(self.where(el), '%s is not in the version script' % what)
        if expected is not None and version != expected:
            self.fail(self.where(el), '%s says Since: %s, the version script %s' % (what, version, expected))

    def check(self):
        for el in self.ns.iter():
            tag = el.tag.split('}')[1]
            if tag in TYPES or tag == 'constant':
                what = el.get(q('type', C)) or el.get('name')
                if el.find(q('doc')) is None:
                    self.fail(self.where(el), '%s is not documented' % what)
                self.check_version(el, what)
                for member in el.findall(q('member')):
                    if member.find(q('doc')) is None:
                        self.fail(self.where(el), '%s is not documented' % member.get(q('identifier', C)))
            elif tag in CALLABLES:
                what = el.get(q('identifier', C)) or el.get('name')
                self.check_callable(el, what)

    def check_callable(self, el, what):
        doc = el.find(q('doc'))
        retval = el.find(q('return-value'))
        retdoc = retval.find(q('doc')) if retval is not None else None
        rettype = retval.find(q('type')) if retval is not None else None
        void = rettype is not None and rettype.get('name') == 'none'
        if doc is None and retdoc is None:
            self.fail(self.where(el), '%s is not documented' % what)
        elif doc is None:
            summary = ET.Element(q('doc'), retdoc.attrib)
            summary.text = 'Returns ' + retdoc.text
            el.insert(0, summary)
        if retval is not None and not void and retdoc is None:
            self.fail(self.where(el), '%s: the return value is not documented' % what)
        params = el.find(q('parameters'))
        for p in params if params is not None else []:
            if p.find(q('doc')) is None and p.get('name') != '...':
                self.fail(self.where(el), '%s: parameter %s is not documented' % (what, p.get('name')))
        self.check_version(el, what)

    def rewrite(self):
        for el in self.ns.iter():
            doc = el.find(q('doc'))
            if doc is not None and doc.text:
                doc.text = self.rewrite_text(doc.text, self.where(el, doc))
            dep = el.find(q('doc-deprecated'))
            if dep is not None and dep.text:
                dep.text = self.rewrite_text(dep.text, self.where(el, dep))


def main(argv):
    if len(argv) != 4:
        sys.stderr.write('usage: %s MAP IN.gir OUT.gir\n' % argv[0])
        return 2
    tree = ET.parse(argv[2])
    docs = Docs(tree.getroot(), read_map(argv[1]))
    docs.check()
    docs.rewrite()
    if docs.errors:
        for e in sorted(set(docs.errors)):
            sys.stderr.write('%s\n' % e)
        sys.stderr.write('%s: %d documentation problems\n' % (argv[2], len(set(docs.errors))))
        return 1
    tree.write(argv[3], encoding='UTF-8', xml_declaration=True)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
