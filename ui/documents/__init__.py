"""The Documents tab: folders, search, preview, uploads through the outbox, the exchange."""

from ui.documents.tab import DocumentsTab

__all__ = ["DocumentsTab"]
