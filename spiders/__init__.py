"""One spider module per outlet; the spider name is the outlet name."""
