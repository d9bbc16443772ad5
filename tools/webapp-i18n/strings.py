#!/usr/bin/env python3
"""Camunda webapp translations: lists the English strings of the shipped webjar and builds zh-CN.json.

  python3 strings.py list  > /tmp/strings.tsv    # every distinct English string, numbered, not yet in zh/
  python3 strings.py build                       # writes src/main/resources/.../app/<app>/locales/zh-CN.json

Translations live in zh/*.tsv: lines "<English>\t<Chinese>" (tabs and newlines written as \\t and \\n).
One English string has one translation in all four apps; a key-specific translation goes into
zh/by-key.tsv as "<app>:<flattened.key>\t<Chinese>" and wins.
"""
import glob, json, os, sys, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
WEBJAR = os.path.expanduser('~/.m2/repository/org/camunda/bpm/webapp/camunda-webapp-webjar/7.24.0/camunda-webapp-webjar-7.24.0.jar')
APPS = ['tasklist', 'cockpit', 'admin', 'welcome']
TARGET = os.path.join(ROOT, 'src/main/resources/META-INF/resources/webjars/camunda/app/{}/locales/zh-CN.json')


def english(app):
    with zipfile.ZipFile(WEBJAR) as jar:
        text = jar.read('META-INF/resources/webjars/camunda/app/%s/locales/en.json' % app).decode('utf-8-sig')
    return json.loads(text)


def walk(node, path=''):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from walk(v, path + ('.' if path else '') + k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, '%s[%d]' % (path, i))
    else:
        yield path, node


def esc(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')


def unesc(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == '\\' and i + 1 < len(s):
            out.append({'t': '\t', 'n': '\n', '\\': '\\'}.get(s[i + 1], '\\' + s[i + 1]))
            i += 2
        else:
            out.append(s[i]); i += 1
    return ''.join(out)


def translations():
    by_text, by_key = {}, {}
    for f in sorted(glob.glob(os.path.join(HERE, 'zh', '*.tsv'))):
        for n, line in enumerate(open(f, encoding='utf-8'), 1):
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            if '\t' not in line:
                sys.exit('%s:%d: no tab' % (f, n))
            en, zh = line.split('\t', 1)
            (by_key if f.endswith('by-key.tsv') else by_text)[unesc(en)] = unesc(zh)
    return by_text, by_key


def translate(app, node, by_text, by_key, missing, path=''):
    if isinstance(node, dict):
        return {k: translate(app, v, by_text, by_key, missing, path + ('.' if path else '') + k) for k, v in node.items()}
    if isinstance(node, list):
        return [translate(app, v, by_text, by_key, missing, '%s[%d]' % (path, i)) for i, v in enumerate(node)]
    if not isinstance(node, str):
        return node
    if app + ':' + path in by_key:
        return by_key[app + ':' + path]
    if node in by_text:
        return by_text[node]
    if node.strip() == '' :
        return node
    missing.append((app, path, node))
    return None


def main():
    by_text, by_key = translations()
    if sys.argv[1] == 'list':
        seen = set()
        for app in APPS:
            for path, v in walk(english(app)):
                if isinstance(v, str) and v.strip() and v not in by_text and app + ':' + path not in by_key and v not in seen:
                    seen.add(v)
                    print(esc(v))
    elif sys.argv[1] == 'build':
        for app in APPS:
            missing = []
            zh = translate(app, english(app), by_text, by_key, missing)
            os.makedirs(os.path.dirname(TARGET.format(app)), exist_ok=True)
            if missing:
                print('%s: %d strings untranslated (left out of zh-CN.json)' % (app, len(missing)))
                zh = prune(zh)
            with open(TARGET.format(app), 'w', encoding='utf-8') as out:
                json.dump(zh, out, ensure_ascii=False, indent=2)
                out.write('\n')


def prune(node):
    if isinstance(node, dict):
        return {k: prune(v) for k, v in node.items() if v is not None}
    if isinstance(node, list):
        return [prune(v) if v is not None else '' for v in node]
    return node


if __name__ == '__main__':
    main()
