"""Sources: turning files, pages, feeds and archives into article text."""
