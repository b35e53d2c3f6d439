"""Analysed documents made from invented sentences, for the tests of the cross-check."""

from __future__ import annotations

from accord.align import align
from accord.analyse import analyse
from accord.compare.discrepancies import slot_discrepancies
from accord.model import Cluster, Discrepancy, Document, Sentence


def documents(*texts: str) -> list[Document]:
    """One analysed document per text, ids s0, s1, ..."""
    docs = [Document(id=f"s{k}", raw=t, text=t) for k, t in enumerate(texts)]
    analyse(docs)
    return docs


def sentence(text: str) -> Sentence:
    return documents(text)[0].sentences[0]


def sentences(*texts: str) -> list[Sentence]:
    return [d.sentences[0] for d in documents(*texts)]


def brief(*texts: str) -> list[Discrepancy]:
    """The slot discrepancies of one cluster of the texts."""
    return slot_discrepancies(align(Cluster(documents=documents(*texts))))


def speakers(text: str) -> list[str | None]:
    """The speaker given to each quotation of one analysed text, in order."""
    (doc,) = analyse([Document(id="a", raw=text, text=text)])
    return [q.speaker for q in doc.quotes]
