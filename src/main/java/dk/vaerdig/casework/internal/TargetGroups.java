package dk.vaerdig.casework.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Target groups are data with effective dates, so the reform's regrouping is a change of data, not of code. */
@Service
public class TargetGroups {

	private final JdbcClient jdbc;

	TargetGroups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record TargetGroup(String code, String nameDa, String nameEn, LocalDate validFrom, LocalDate validTo,
			String successorCode) {

		public String name(Locale locale) {
			return "en".equals(locale.getLanguage()) ? nameEn : nameDa;
		}

		public boolean validOn(LocalDate day) {
			return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
		}
	}

	public List<TargetGroup> all() {
		return jdbc.sql("SELECT * FROM target_group ORDER BY valid_from, code").query(TargetGroup.class).list();
	}

	public List<TargetGroup> validOn(LocalDate day) {
		return all().stream().filter(g -> g.validOn(day)).toList();
	}

	public Optional<TargetGroup> find(String code) {
		return jdbc.sql("SELECT * FROM target_group WHERE code = ?").param(code).query(TargetGroup.class).optional();
	}
}
