"""Caches kept outside the tree, in the user's cache directory: the entry format every cache shares (checksummed,
versioned, written atomically, pruned: store.py) and the record of the last verified generation that lets
`check` answer without regenerating (check_record.py). A cache only ever saves work: an entry that is missing,
stale, corrupted or of another version is ignored, never trusted.

May import: generator.config, generator.errors, generator.output.
"""
