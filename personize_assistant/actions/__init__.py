"""The actions: one package each (discover, propose, schema, plan, generate, wire, review,
check, export), plus `common/` for what two of them share.

Outside an action's own package, import only its public surface: the package itself
(`actions.plan`), its artifact (`artifact.py`, or `model.py` + `render.py`) and `common/`.
`tests/test_architecture.py` holds every module to this.
"""
