#!/usr/bin/env python3
"""Every item model of ours is exercised under QAbstractItemModelTester (STYLE.md §7): for each
class deriving from a Qt item model in core/, widgets/ or app/, some test file names the class and
attaches the tester."""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else '.'
model = re.compile(r'class\s+(\w+)\s*(?:final\s*)?:\s*public\s+(QAbstract\w*Model|QSortFilterProxyModel|QIdentityProxyModel|QStandardItemModel)\b')
classes = {}
for layer in ('core', 'widgets', 'app'):
    for dirpath, _, files in os.walk(os.path.join(root, layer)):
        for f in files:
            if f.endswith('.h'):
                text = open(os.path.join(dirpath, f), encoding='utf-8', errors='replace').read()
                for m in model.finditer(text):
                    classes[m.group(1)] = os.path.relpath(os.path.join(dirpath, f), root)
tested = set()
for dirpath, _, files in os.walk(os.path.join(root, 'tests')):
    for f in files:
        if f.endswith('.cpp'):
            text = open(os.path.join(dirpath, f), encoding='utf-8', errors='replace').read()
            if 'QAbstractItemModelTester' in text:
                tested.update(c for c in classes if re.search(r'\b' + c + r'\b', text))
missing = sorted(set(classes) - tested)
for c in missing:
    print(f'FAIL: {classes[c]}: {c} is tested under QAbstractItemModelTester nowhere in tests/')
if not missing:
    print(f'{len(classes)} item models, each under QAbstractItemModelTester')
sys.exit(1 if missing else 0)
