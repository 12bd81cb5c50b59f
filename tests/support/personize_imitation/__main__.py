"""`python -m tests.support.personize_imitation --port 8765`: run the imitation by hand."""

from tests.support.personize_imitation.server import main

main()
