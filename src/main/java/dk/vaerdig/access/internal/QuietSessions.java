package dk.vaerdig.access.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The sessions in PostgreSQL (Spring Session JDBC's {@code spring_session} tables, so every node sees every session),
 * touched at most once a request and their last-access time written at most once per {@code touchInterval}:
 * <ul>
 * <li>a session is saved only when something in it changed (an attribute set or removed, its id changed at login,
 * its idle timeout changed), when it is new, or when the last-access time in the database is at least
 * {@code touchInterval} old; a request that only reads (a case page, a search) writes nothing;</li>
 * <li>within one request ({@link #openRequest()} to {@link #closeRequest()}, opened by {@link SessionStore}'s filter
 * around Spring Session's), a session read is kept, so Spring Session's second look-up after saving (to decide
 * whether to set the cookie) reads nothing.</li>
 * </ul>
 * The idle timeout is thus counted from a last access at most {@code touchInterval} older than the real one: a session
 * idle for {@code spring.session.timeout} minus that interval may already be gone (never one idle for longer).
 * Logout, the id change at login (session fixation protection) and expiry work as in Spring Session JDBC, whose
 * repository does all reads and writes here; a read runs without a transaction ({@link SessionTransactions}).
 */
class QuietSessions implements SessionRepository<QuietSessions.Tracked> {

	private static final ThreadLocal<Map<String, Tracked>> REQUEST = new ThreadLocal<>();

	/** Spring Session JDBC's repository, by its public interface (its session class is not public). */
	private final SessionRepository<Session> jdbc;

	private final Duration touchInterval;

	@SuppressWarnings("unchecked")
	QuietSessions(JdbcIndexedSessionRepository jdbc, Duration touchInterval) {
		this.jdbc = (SessionRepository<Session>) (SessionRepository<?>) jdbc;
		this.touchInterval = touchInterval;
	}

	/** Starts keeping the sessions read on this thread; false if a request was already open (a nested dispatch). */
	static boolean openRequest() {
		if (REQUEST.get() != null) {
			return false;
		}
		REQUEST.set(new HashMap<>());
		return true;
	}

	static void closeRequest() {
		REQUEST.remove();
	}

	@Override
	public Tracked createSession() {
		return new Tracked(jdbc.createSession(), null);
	}

	@Override
	public void save(Tracked session) {
		if (session.mustBeSaved(touchInterval)) {
			jdbc.save(session.delegate);
			session.saved();
		}
		remember(session);
	}

	@Override
	public Tracked findById(String id) {
		Map<String, Tracked> request = REQUEST.get();
		Tracked kept = request == null ? null : request.get(id);
		if (kept != null) {
			return kept.isExpired() ? null : kept;
		}
		Session found = SessionTransactions.read(() -> jdbc.findById(id));
		if (found == null) {
			return null;
		}
		Tracked session = new Tracked(found, found.getLastAccessedTime());
		remember(session);
		return session;
	}

	@Override
	public void deleteById(String id) {
		Map<String, Tracked> request = REQUEST.get();
		if (request != null) {
			request.remove(id);
		}
		jdbc.deleteById(id);
	}

	private static void remember(Tracked session) {
		Map<String, Tracked> request = REQUEST.get();
		if (request != null) {
			request.values().removeIf(s -> s == session);
			request.put(session.getId(), session);
		}
	}

	/** A session of Spring Session JDBC that knows whether anything but its last-access time changed. */
	static final class Tracked implements Session {

		private final Session delegate;

		/** The last-access time in the database; null while the session was never saved. */
		private Instant stored;

		private boolean changed;

		Tracked(Session delegate, Instant stored) {
			this.delegate = delegate;
			this.stored = stored;
		}

		boolean mustBeSaved(Duration touchInterval) {
			return stored == null || changed
					|| !delegate.getLastAccessedTime().isBefore(stored.plus(touchInterval));
		}

		void saved() {
			stored = delegate.getLastAccessedTime();
			changed = false;
		}

		@Override
		public String getId() {
			return delegate.getId();
		}

		@Override
		public String changeSessionId() {
			changed = true;
			return delegate.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String name) {
			return delegate.getAttribute(name);
		}

		@Override
		public Set<String> getAttributeNames() {
			return delegate.getAttributeNames();
		}

		@Override
		public void setAttribute(String name, Object value) {
			changed = true;
			delegate.setAttribute(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			changed = true;
			delegate.removeAttribute(name);
		}

		@Override
		public Instant getCreationTime() {
			return delegate.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			delegate.setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return delegate.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			changed = true;
			delegate.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return delegate.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return delegate.isExpired();
		}
	}
}
