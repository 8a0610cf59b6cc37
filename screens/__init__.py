"""One module per Textual screen, and their dialogs."""
