"""CLI command groups. Each module exposes `register(app)`; cli.py wires them up.

Commands stay thin: parse arguments, call one function from a stage package, render.
"""
