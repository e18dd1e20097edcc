"""Lists of mentions (a mention's chain), and what a whole list says, worked out once per list.

Some rules ask of every item of a list a question about the whole list (where does it end? does
it hold a counted type? do works follow a later item?). Asked item by item, one clause listing
hundreds of items reads the list hundreds of times: quadratic up to
:data:`geo.settings.MAX_CHAIN` items, hundreds of times the work per item beyond. The
answer is kept on the list, and each item reads it there.
"""

from __future__ import annotations


class Chain(list):
    """The mentions joined only by separators, in order (see :func:`geo.extract.lists.resolve_enumerations`),
    with the answers to questions about the whole list (see :func:`once_per_chain`)."""

    __slots__ = ("answers",)

    def __init__(self, items=()):
        super().__init__(items)
        self.answers = {}


def once_per_chain(chain, question, *args):
    """``question(chain, *args)``, worked out once for this list (each time for a plain list).

    Parameters
    ----------
    chain : Chain or list of Mention
        The list (a mention's ``chain``, one object shared by its items, made whole before it is asked about).
    question : callable
        What is asked of the list; its answer depends on the list and ``args`` alone.
    *args
        Further arguments of ``question``, told apart by identity (the text, a lexicon's words, a flag).

    Returns
    -------
    object
        The answer.
    """
    answers = getattr(chain, "answers", None)
    if answers is None:
        return question(chain, *args)
    key = (question, *map(id, args)) if args else question  # (most questions take no argument)
    kept = answers.get(key)
    if kept is None:
        # (the arguments are kept with the answer: while they are, no other object takes their ids)
        kept = answers[key] = (args, question(chain, *args))
    return kept[1]


def of_list(mention, question, *args):
    """``question`` asked of the list the mention is in (once per list), or of the mention alone."""
    if not mention.chain:
        return question([mention], *args)
    return once_per_chain(mention.chain, question, *args)


def holds_head(chain, heads):
    """True when an item of the list has one of ``heads``."""
    return any(item.head in heads for item in chain)


def followed_by(chain, norm, words):
    """True when one of ``words`` follows an item of the list in ``norm`` (兴华街、北二路棚户区改造)."""
    return any(norm.startswith(words, item.end) for item in chain)


def positions(chain):
    """Where each item stands in the list, by the item's id."""
    return {id(item): index for index, item in enumerate(chain)}
