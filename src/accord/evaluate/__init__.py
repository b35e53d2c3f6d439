"""Evaluate: ROUGE of Accord's summaries, beside classic baselines, on Multi-News.

:mod:`.data` reads the dataset, :mod:`.systems` holds the summarisers behind one interface
(Accord's full briefing is one of them, no special case), :mod:`.baselines` the classic
extractive ones, :mod:`.rouge` the scorer, and :mod:`.harness` runs them all with one
budget rule and measures speed and memory. Its dependencies (sumy, rouge-score,
scikit-learn) are the ``eval`` extra: ``pip install accord[eval]``.
"""
