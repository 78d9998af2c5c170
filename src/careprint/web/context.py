"""What the app keeps while it runs: the workspace (and with it the one cache), the templates,
the sessions, the background jobs, and which email form tokens were used."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import jinja2

from careprint.app.preview import Previewer
from careprint.web.jobs import Jobs
from careprint.web.security import Limiter, Policy, Sessions
from careprint.workspace import Workspace


@dataclass
class Sent:
    """What an email request did, kept by its form's one-time token (never the password)."""

    channel: str
    when: str
    encrypted: bool


@dataclass
class Context:
    """What the app keeps while it runs: the workspace (and its one cache), the templates,
    the sessions, the background jobs and the emails sent per form token."""

    base: Workspace
    env: jinja2.Environment
    policy: Policy
    previewer: Previewer
    sessions: Sessions = field(default_factory=Sessions)
    limiter: Limiter = field(default_factory=Limiter)
    jobs: Jobs = field(default_factory=Jobs)
    mail_lock: threading.Lock = field(default_factory=threading.Lock)
    sent: OrderedDict[str, Sent] = field(default_factory=OrderedDict)

    def ws(self) -> Workspace:
        """The practice folder as it is now (every edit on disk shows at once), with the
        cache of the whole run."""
        view = self.base.fresh()
        view.warned = self.base.warned
        return view
