#!/usr/bin/env python3
"""test/bench/bench_notes.py DRIVER VOCAB NOTES_DIR

Scores the note reader against the labelled corpus: precision, recall and
F1 of muscles (per note and muscle) and of each field, exact muscle-count
and code accuracy (pick_code of the muscles read against that of the
expected muscles, both counted by the muscle parser).
"""
import json
import os
import subprocess
import sys

driver, vocab, ndir = sys.argv[1:4]
names = sorted(f[:-4] for f in os.listdir(ndir) if f.endswith('.txt'))
files = [os.path.join(ndir, n + '.txt') for n in names]
out = subprocess.run([driver, vocab, 'dump'] + files, check=True,
                     capture_output=True, text=True).stdout.splitlines()
labels = [json.load(open(os.path.join(ndir, n + '.json'))) for n in names]
exp_lists = '\n'.join('|'.join(l['muscles']) for l in labels) + '\n'
counts = subprocess.run([driver, vocab, 'count'], input=exp_lists, check=True,
                        capture_output=True, text=True).stdout.splitlines()


def norm_dose(s):
    return None if s is None else ''.join(s.lower().split())


def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


mt = mf = mn = 0
count_ok = code_ok = 0
fields = ['trigger_points', 'drug_name', 'drug_dose', 'note_signed',
          'post_procedure_plan', 'conservative_care', 'tp_locations', 'guidance']
score = {f: [0, 0, 0, 0] for f in fields}  # tp fp fn exact
misses = []
for name, line, lab, cnt in zip(names, out, labels, counts):
    col = line.split('\t')
    got = {
        'muscles': [m for m in col[1].split('|') if m],
        'count': int(col[2]), 'code': col[3] or None,
        'trigger_points': int(col[4]) if col[4] else None,
        'drug_name': col[5] or None, 'drug_dose': col[6] or None,
        'note_signed': col[7] == 't', 'post_procedure_plan': col[8] == 't',
        'conservative_care': col[9] == 't', 'tp_locations': col[10] == 't',
        'guidance': col[11],
    }
    ecount, ecode = cnt.split('\t')
    ecode = ecode or None
    gm, em = set(got['muscles']), set(lab['muscles'])
    mt += len(gm & em)
    mf += len(gm - em)
    mn += len(em - gm)
    count_ok += got['count'] == int(ecount)
    code_ok += got['code'] == ecode
    bad = []
    if gm != em:
        bad.append('muscles +%s -%s' % (sorted(gm - em), sorted(em - gm)))
    for f in fields:
        e, g = lab[f], got[f]
        if f == 'drug_dose':
            e, g = norm_dose(e), norm_dose(g)
        s = score[f]
        positive = (lambda v: v is True) if isinstance(lab[f], bool) else \
            (lambda v: v is not None and v != 'none') if f == 'guidance' else \
            (lambda v: v is not None)
        if e == g:
            s[3] += 1
            if positive(g):
                s[0] += 1
        else:
            bad.append('%s %r want %r' % (f, got[f], lab[f]))
            if positive(g):
                s[1] += 1
            if positive(e):
                s[2] += 1
    if bad:
        misses.append('%s: %s' % (name, '; '.join(bad)))

n = len(names)
p, r, f = f1(mt, mf, mn)
print('notes: %d' % n)
print('%-20s precision %.3f recall %.3f F1 %.3f' % ('muscles', p, r, f))
print('%-20s %.3f' % ('muscle count exact', count_ok / n))
print('%-20s %.3f' % ('code accuracy', code_ok / n))
for fld in fields:
    tp, fp, fn, ex = score[fld]
    p, r, f = f1(tp, fp, fn)
    print('%-20s precision %.3f recall %.3f F1 %.3f exact %.3f' % (fld, p, r, f, ex / n))
if os.environ.get('VERBOSE'):
    print('\n'.join(misses))
