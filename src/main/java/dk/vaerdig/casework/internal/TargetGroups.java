package dk.vaerdig.casework.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Target groups are data with effective dates, so the reform's regrouping is a change of data, not of code. They change
 * by migration, so they are read from the database at most once a minute (every case page and search needs them).
 */
@Service
public class TargetGroups {

	private final LoadingCache<Boolean, List<TargetGroup>> all;

	TargetGroups(JdbcClient jdbc) {
		this.all = Caffeine.newBuilder()
			.expireAfterWrite(Duration.ofMinutes(1))
			.build(k -> jdbc.sql("SELECT * FROM target_group ORDER BY valid_from, code").query(TargetGroup.class).list());
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
		return all.get(Boolean.TRUE);
	}

	public List<TargetGroup> validOn(LocalDate day) {
		return all().stream().filter(g -> g.validOn(day)).toList();
	}

	public Optional<TargetGroup> find(String code) {
		return all().stream().filter(g -> g.code().equals(code)).findFirst();
	}
}
