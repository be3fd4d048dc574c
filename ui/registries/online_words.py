"""What the Registries tab says about its online mode and its failures, in the user's
language (context ``RegistriesOnline``): a failed read from the server is words in the
tab, never a dialog or a crash."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from domains.online import OnlineProblem, OnlineReadFailed

__all__ = ["problem_words"]


def problem_words(error: BaseException) -> str:
    """Why the rows of a registry read online are not shown, and what to do."""
    problem = error.problem if isinstance(error, OnlineReadFailed) else None
    if problem is OnlineProblem.TIMEOUT:
        return QCoreApplication.translate(
            "RegistriesOnline",
            "The server did not answer in time. Change a filter or choose the registry "
            "again to try once more.",
        )
    if problem in (OnlineProblem.OFFLINE, OnlineProblem.UNREACHABLE):
        return QCoreApplication.translate(
            "RegistriesOnline",
            "The server cannot be reached. This registry is not kept on this computer: "
            "browse it when the connection returns, or tick “Keep on this computer”.",
        )
    if problem is OnlineProblem.SERVER:
        status = error.status if isinstance(error, OnlineReadFailed) else None
        return QCoreApplication.translate(
            "RegistriesOnline", "The server could not answer (error %1). Try again later."
        ).replace("%1", str(status or ""))
    if problem is OnlineProblem.MALFORMED:
        return QCoreApplication.translate(
            "RegistriesOnline",
            "The server's answer could not be read: it is not what this version of the "
            "program expects. Try again later, or tell the help desk.",
        )
    if problem is OnlineProblem.FORBIDDEN:
        return QCoreApplication.translate(
            "RegistriesOnline", "The server says this registry is not available to your role."
        )
    if problem is OnlineProblem.NOT_FOUND:
        return QCoreApplication.translate(
            "RegistriesOnline", "The server no longer has this registry."
        )
    if problem is OnlineProblem.SIGNED_OUT:
        return QCoreApplication.translate(
            "RegistriesOnline", "Your sign-in has ended: sign in again to read from the server."
        )
    if problem is OnlineProblem.REFUSED:
        return QCoreApplication.translate(
            "RegistriesOnline", "The server did not accept this filter."
        )
    return QCoreApplication.translate(
        "RegistriesOnline", "The rows could not be read from the server."
    )
