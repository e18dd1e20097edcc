"""Which context rules can hold for a mention of a category and kind: a rule that holds only for some
(a river's flood duties, a road's address) is not asked of the others (the same answer, fewer calls).

A rule says so with :func:`only_for`, right above it, by the test its own first line makes of the
mention's category and kind; :class:`GatedRules` keeps, for each category and kind met, the rules
(in their order) whose test they pass.
"""

from __future__ import annotations


def only_for(test):
    """Mark a context rule as one that is False for any mention whose (category, kind) fails ``test``.

    Parameters
    ----------
    test : callable
        ``test(category, kind)``: the condition the rule itself looks at first (and nothing else).

    Returns
    -------
    callable
        A decorator that returns the rule itself, marked.
    """
    def mark(rule):
        rule.gate = test
        return rule
    return mark


class GatedRules:
    """Context rules in their order, and for each (category, kind) met the ones that can hold for it.

    Parameters
    ----------
    rules : tuple of callable
        The rules; those marked by :func:`only_for` are left out for the mentions their test fails.
    """

    def __init__(self, rules):
        self.rules = tuple(rules)
        self._kept = {}

    def for_mention(self, mention):
        """The rules that can hold for ``mention`` (worked out once for each category and kind)."""
        key = (mention.category, mention.kind)
        kept = self._kept.get(key)
        if kept is None:
            kept = self._kept[key] = tuple(rule for rule in self.rules
                                           if getattr(rule, "gate", None) is None or rule.gate(*key))
        return kept
