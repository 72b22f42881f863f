#!/usr/bin/env python3
"""Where the app's CPU goes, from a JFR recording: execution samples grouped by frame.

    loadtest/scripts/jfr-top.py <recording.jfr> [top-n]

Runs `jfr print --events jdk.ExecutionSample --stack-depth 256` (the JFR environment variable names another `jfr`,
such as the one of the JDK that made the recording) and prints
  1. the inclusive share of named places (Thymeleaf rendering, SpEL, BCrypt, JDBC, sessions, the audit log ...):
     the share of samples with that frame anywhere on the stack;
  2. the top frames by self share (the frame on top of the stack) and by inclusive share (dk.vaerdig frames and
     the framework's entry points), so a profile before and after a change can be compared line by line.
Only samples of threads that serve requests (Tomcat's http-nio-*) count in the shares; the others are counted apart.
"""
import collections
import os
import subprocess
import sys

PLACES = [
    ("Thymeleaf rendering (ThymeleafView.render)", "org.thymeleaf.spring6.view.ThymeleafView.render"),
    ("jte rendering (JteViews, the case page and the list)", "dk.vaerdig.platform.web.JteViews$JteView.render"),
    ("  SpEL evaluation (SpelExpression.getValue)", "org.springframework.expression.spel.standard.SpelExpression.getValue"),
    ("  message look-ups (#messages / #{...})", "org.springframework.context.support.AbstractMessageSource.getMessage"),
    ("BCrypt (logins)", "org.springframework.security.crypto.bcrypt.BCrypt."),
    ("JDBC statements (PgPreparedStatement.execute*)", "org.postgresql.jdbc.PgPreparedStatement.execute"),
    ("sessions read and written (Spring Session JDBC's repository)", "org.springframework.session.jdbc.JdbcIndexedSessionRepository."),
    ("the audit log (AuditLog)", "dk.vaerdig.access.AuditLog."),
    ("the case page's data (CasePages.casePage)", "dk.vaerdig.casework.web.CasePages.casePage"),
    ("the search (CandidateSearch.search)", "dk.vaerdig.casework.internal.CandidateSearch.search"),
    ("the staff re-check's look-up (StaffDirectory.findActive)", "dk.vaerdig.access.StaffDirectory.findActive"),
    ("Spring MVC's handler look-up", "org.springframework.web.servlet.handler.AbstractHandlerMethodMapping.lookupHandlerMethod"),
]


def samples(path):
    """(thread name, frames top first) of each execution sample, read from `jfr print`'s text as it streams: its JSON
    form of a minute's recording with deep stacks is gigabytes (12 GB in memory on 3 Dec 2026)."""
    jfr = os.environ.get("JFR", "jfr")
    cmd = [jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", path]
    thread, stack = None, None
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, bufsize=1 << 20) as out:
        for line in out.stdout:
            s = line.strip()
            if s.startswith("jdk.ExecutionSample"):
                if stack is not None:
                    yield thread, stack
                thread, stack = "", []
            elif s.startswith("sampledThread = "):
                thread = s.split('"')[1] if '"' in s else ""
            elif stack is not None and " line: " in s:
                stack.append(sys.intern(s.split("(")[0]))
        if stack is not None:
            yield thread, stack
        if out.wait() != 0:
            raise SystemExit(f"{' '.join(cmd)} failed")


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    request, other = [], 0
    for thread, stack in samples(path):
        if thread.startswith("http-nio") or "exec-" in thread:
            request.append(stack)
        else:
            other += 1
    n = len(request)
    print(f"{n + other} execution samples, {n} on request threads, {other} on others")
    if n == 0:
        return
    print("\nplace (inclusive share of the request threads' samples)")
    for label, prefix in PLACES:
        hits = sum(1 for st in request if any(f.startswith(prefix) for f in st))
        print(f"  {100.0 * hits / n:5.1f} %  {label}")
    self_counts = collections.Counter(st[0] for st in request if st)
    print(f"\ntop {top} frames by self share")
    for frame, c in self_counts.most_common(top):
        print(f"  {100.0 * c / n:5.1f} %  {frame}")
    inclusive = collections.Counter()
    for st in request:
        for frame in set(st):
            if "$$Lambda" in frame:
                continue
            if frame.startswith("dk.vaerdig.") or frame.startswith("org.thymeleaf.") or frame.startswith(
                    "org.springframework.expression."):
                inclusive[frame] += 1
    print(f"\ntop {top} frames by inclusive share (dk.vaerdig, Thymeleaf, SpEL)")
    for frame, c in inclusive.most_common(top):
        print(f"  {100.0 * c / n:5.1f} %  {frame}")


if __name__ == "__main__":
    main()
