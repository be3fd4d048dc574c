"""Documents and work materials: folders, documents, shares between colleagues."""
