package dk.vaerdig.access.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.Grants;
import dk.vaerdig.access.Role;

/** Form login against the staff_user table; passwords are stored as BCrypt hashes. */
@Component
class StaffUserDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	StaffUserDetailsService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return jdbc.sql("SELECT username, password_hash, role, active FROM staff_user WHERE username = ?")
			.param(username == null ? "" : username.strip())
			.query((rs, n) -> User.withUsername(rs.getString("username"))
				.password(rs.getString("password_hash") == null ? "{noop}" + java.util.UUID.randomUUID() + "-disabled"
						: rs.getString("password_hash"))
				.disabled(!rs.getBoolean("active") || rs.getString("password_hash") == null)
				.authorities(Grants.authorities(Role.valueOf(rs.getString("role"))))
				.build())
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}
}
