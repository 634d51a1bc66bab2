"""The built-in rules, one module each. Each module's docstring is its documentation."""
