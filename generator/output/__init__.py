"""The output directory: reading and comparing trees without following a symbolic link (trees.py), which
directories generate may replace (ownership.py), and swapping a new tree in, one run at a time, so that a kill
at any instant leaves the old tree or the new one, or names from which the next run restores one (swap.py).

May import: generator.errors.
"""

from generator.output.trees import Changes, Tree, compare, read_tree, unified_diff

__all__ = ["Changes", "Tree", "compare", "read_tree", "unified_diff"]
