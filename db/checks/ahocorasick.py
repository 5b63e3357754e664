"""An Aho-Corasick automaton: every occurrence of many words in one pass over the text.

Built once per word list and reused for every text. While the automaton sits at its
root (the usual case in ordinary text), a compiled character class of the words' first
characters lets the C regex engine skip ahead instead of stepping in Python.
"""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any


class Automaton:
    def __init__(self, words: Iterable[tuple[str, Any]]):
        self._goto: list[dict[str, int]] = [{}]
        self._fail: list[int] = [0]
        self._out: list[list[tuple[int, Any]]] = [[]]
        for word, payload in words:
            if word:
                self._insert(word, payload)
        self._link()
        first = "".join(re.escape(ch) for ch in sorted(self._goto[0]))
        self._first = re.compile(f"[{first}]") if first else None

    def __len__(self) -> int:
        return sum(1 for out in self._out if out)

    def _insert(self, word: str, payload: Any) -> None:
        state = 0
        for ch in word:
            nxt = self._goto[state].get(ch)
            if nxt is None:
                nxt = len(self._goto)
                self._goto[state][ch] = nxt
                self._goto.append({})
                self._fail.append(0)
                self._out.append([])
            state = nxt
        if not self._out[state]:          # a repeated word keeps its first payload
            self._out[state].append((len(word), payload))

    def _link(self) -> None:
        """Breadth first: a state's failure link is the longest proper suffix of its
        path that is also a path from the root; its outputs include the link's."""
        queue = deque(self._goto[0].values())
        while queue:
            state = queue.popleft()
            for ch, nxt in self._goto[state].items():
                queue.append(nxt)
                fallback = self._fail[state]
                while fallback and ch not in self._goto[fallback]:
                    fallback = self._fail[fallback]
                link = self._goto[fallback].get(ch, 0)
                self._fail[nxt] = link if link != nxt else 0
                self._out[nxt] = self._out[nxt] + self._out[self._fail[nxt]]

    def find_all(self, text: str) -> Iterator[tuple[int, int, Any]]:
        """(start, end, payload) of every occurrence, overlapping ones included,
        in order of their end position."""
        if self._first is None:
            return
        goto, fail, out, first = self._goto, self._fail, self._out, self._first
        state, i, n = 0, 0, len(text)
        while i < n:
            if state == 0:
                match = first.search(text, i)
                if match is None:
                    return
                i = match.start()
            ch = text[i]
            while state and ch not in goto[state]:
                state = fail[state]
            state = goto[state].get(ch, 0)
            for length, payload in out[state]:
                yield i + 1 - length, i + 1, payload
            i += 1
