"""What the extraction tests compare: the named projects and the counted groups of a short text."""

from geo.extract import extract_projects


def named_projects(text):
    """Sorted (name, category) of the named projects extracted from ``text``."""
    return sorted((f["properties"]["name"], f["properties"]["category"])
                  for f in extract_projects(text) if f["properties"]["named"])


def named_names(text):
    """Sorted names of the named projects extracted from ``text``."""
    return sorted(f["properties"]["name"] for f in extract_projects(text) if f["properties"]["named"])


def counted_groups(text):
    """Sorted (category, count) of the counted groups extracted from ``text``."""
    return sorted((f["properties"]["category"], f["properties"]["quantity"]["value"])
                  for f in extract_projects(text) if not f["properties"]["named"])


def comparisons_in(word, words):
    """(whether ``word`` is in ``words``, the items it was compared with to tell): a set compares it
    with at most the one item of its hash, a tuple with each item before it."""
    compared = []

    class Word(str):
        __hash__ = str.__hash__

        def __eq__(self, other):
            compared.append(other)
            return str.__eq__(self, other)

    return Word(word) in words, compared
