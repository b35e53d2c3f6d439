"""Ingest: what the user gives (text, files, folders, stdin, URLs, feeds, WARC, JSON
records) becomes validated :class:`~accord.model.Document` objects.

Imports run one way: :mod:`.documents` (text to Document, decoding, sniffing, limits, ids,
the validator) ← :mod:`.cache` and :mod:`.http` (the guarded fetch) ← :mod:`.feeds`
(RSS/Atom/WARC) ← :mod:`.sources` (the one door: ``read_items``, ``read_arguments``,
``documents_from_records``).
"""
