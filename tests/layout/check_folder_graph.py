#!/usr/bin/env python3
"""Layout rules of the engine's folders (STYLE.md, DESIGN.md §1), checked from the sources.

- Includes name their layer: "core/…", "widgets/…", "app/…" (a bare "review/X.h" could be either
  core/review or widgets/review).
- core never includes widgets/ or app/; widgets never include app/.
- The folders of core include each other without a cycle: each folder builds only on folders
  below it. A cycle is printed with one include of each edge.
- core/jobs is the engine: it includes no stage and nothing of core/pipeline. Every stage
  (*Stage.h/.cpp) lives in core/pipeline.
- core/project is below the job engine (no jobs, samples or ingest), and the sample store knows
  no ingest types.
"""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else '.'
failures = []
include = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
core_folders = {d for d in os.listdir(os.path.join(root, 'core')) if os.path.isdir(os.path.join(root, 'core', d))}
widget_folders = {d for d in os.listdir(os.path.join(root, 'widgets')) if os.path.isdir(os.path.join(root, 'widgets', d))}

edges = {}  # (from, to) -> example "file: include"
for layer in ('core', 'widgets', 'app'):
    for dirpath, _, files in os.walk(os.path.join(root, layer)):
        for f in files:
            if not f.endswith(('.h', '.cpp', '.in')):
                continue
            path = os.path.join(dirpath, f)
            rel = os.path.relpath(path, root)
            parts = rel.split(os.sep)
            if layer == 'core' and f.endswith(('Stage.h', 'Stage.cpp')) and f not in ('Stage.h', 'Stage.cpp'):
                if parts[1] != 'pipeline':
                    failures.append(f'{rel}: a stage outside core/pipeline')
            with open(path, encoding='utf-8', errors='replace') as fh:
                for line in fh:
                    m = include.match(line)
                    if not m:
                        continue
                    name = m.group(1)
                    first = name.split('/')[0]
                    if '/' in name and first in (core_folders | widget_folders) and first not in ('core', 'widgets', 'app'):
                        failures.append(f'{rel}: #include "{name}" does not name its layer (core/…, widgets/…)')
                    if layer == 'core' and first in ('widgets', 'app'):
                        failures.append(f'{rel}: core includes {name}')
                    if layer == 'widgets' and first == 'app':
                        failures.append(f'{rel}: widgets include {name}')
                    if layer == 'core' and first == 'core':
                        target = name.split('/')[1]
                        source = parts[1]
                        if target != source and target in core_folders:
                            edges.setdefault((source, target), f'{rel}: #include "{name}"')

def rule(source, targets, why):
    for t in targets:
        if (source, t) in edges:
            failures.append(f'core/{source} includes core/{t} ({why}): {edges[(source, t)]}')

rule('jobs', ['pipeline'] + sorted(core_folders - {'jobs', 'project', 'store', 'util', 'settings', 'version'}),
     'the job engine knows no stage and no domain')
rule('project', ['jobs', 'samples', 'ingest', 'pipeline'], 'the project is below the job engine')
rule('samples', ['ingest', 'dedup', 'pipeline'], 'the sample store knows no ingest or dedup types')

graph = {}
for (a, b) in edges:
    graph.setdefault(a, set()).add(b)
# Tarjan's strongly connected components: any component of more than one folder is a cycle.
index, low, stack, on, counter, components = {}, {}, [], set(), [0], []
def visit(v):
    index[v] = low[v] = counter[0]; counter[0] += 1
    stack.append(v); on.add(v)
    for w in sorted(graph.get(v, ())):
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v:
                break
        components.append(sorted(comp))
sys.setrecursionlimit(10000)
for v in sorted(graph):
    if v not in index:
        visit(v)
for comp in components:
    if len(comp) > 1:
        lines = [f'  core/{a} -> core/{b}: {edges[(a, b)]}' for a in comp for b in comp if (a, b) in edges]
        failures.append('core folders include each other in a cycle: ' + ', '.join(comp) + '\n' + '\n'.join(lines))

for f in failures:
    print('FAIL:', f)
if not failures:
    print(f'folder rules hold ({len(core_folders)} core folders, {len(edges)} folder dependencies, no cycle)')
sys.exit(1 if failures else 0)
