"""Loops that cannot pass by checking nothing: when a class in the markup changes, a
`select(...)` finds no elements and a loop over them asserts nothing. Wrap what a test loops
over in `at_least(n, items)`: it fails when fewer than `n` are there to check."""


def at_least(n, items, what="items"):
    items = list(items)
    assert len(items) >= n, f"expected at least {n} {what} to check, found {len(items)}"
    return items
