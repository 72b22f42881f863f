package dk.vaerdig.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The job centre's name, phone and opening hours come from configuration and read naturally in both languages. */
class JobCentreTest {

	static PlatformSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("vaerdig.platform",
				PlatformSettings.class);
	}

	static JobCentre jobCentre(PlatformSettings settings) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new JobCentre(settings, messages);
	}

	@Test
	void aMunicipalitySetsItsNamePhoneOpeningHoursAndAccessibilityContact() {
		PlatformSettings settings = bind(Map.of("vaerdig.platform.municipality.name", "Roskilde Kommune",
				"vaerdig.platform.municipality.phone", "46 31 00 00",
				"vaerdig.platform.municipality.opening-hours", "MONDAY-THURSDAY 08:00-15:30, FRIDAY 08:00-12:00",
				"vaerdig.platform.municipality.accessibility-email", "web@roskilde.dk",
				"vaerdig.platform.municipality.accessibility-statement-date", "2026-11-20"));
		JobCentre.Contact da = jobCentre(settings).contact(Locale.forLanguageTag("da"));
		assertThat(da.name()).isEqualTo("Jobcentret i Roskilde Kommune");
		assertThat(da.phone()).isEqualTo("46 31 00 00");
		assertThat(da.phoneLink()).isEqualTo("tel:+4546310000");
		assertThat(da.openingHours()).isEqualTo("mandag–torsdag kl. 8.00–15.30 og fredag kl. 8.00–12.00");
		assertThat(da.accessibilityEmail()).isEqualTo("web@roskilde.dk");
		assertThat(da.statementDate()).isEqualTo(LocalDate.of(2026, 11, 20));
		JobCentre.Contact en = jobCentre(settings).contact(Locale.ENGLISH);
		assertThat(en.name()).isEqualTo("Job centre, Roskilde Kommune");
		assertThat(en.openingHours()).isEqualTo("Monday–Thursday 8:00–15:30 and Friday 8:00–12:00");
	}

	@Test
	void theDemoMunicipalityIsTheDefault() {
		JobCentre.Contact da = jobCentre(bind(Map.of())).contact(Locale.forLanguageTag("da"));
		assertThat(da.municipality()).isEqualTo("Demo Kommune");
		assertThat(da.openingHours())
			.isEqualTo("mandag–onsdag kl. 9.00–15.00, torsdag kl. 9.00–17.00 og fredag kl. 9.00–12.00");
		assertThat(jobCentre(bind(Map.of("vaerdig.platform.municipality.opening-hours", "MONDAY-FRIDAY 10:00-14:00")))
			.contact(Locale.forLanguageTag("da")).openingHours()).isEqualTo("mandag–fredag kl. 10.00–14.00");
	}

	@Test
	void openingHoursAreReadFromOneLine() {
		assertThat(OpeningHours.of("MONDAY-THURSDAY 09:00-15:00"))
			.isEqualTo(new OpeningHours(DayOfWeek.MONDAY, DayOfWeek.THURSDAY, LocalTime.of(9, 0), LocalTime.of(15, 0)));
		assertThat(OpeningHours.of(" friday 9:00 - 12:30 "))
			.isEqualTo(new OpeningHours(DayOfWeek.FRIDAY, DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(12, 30)));
		assertThatThrownBy(() -> OpeningHours.of("mandag 9-15")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> OpeningHours.of("FRIDAY-MONDAY 09:00-15:00")).hasMessageContaining("backwards");
		assertThatThrownBy(() -> OpeningHours.of("MONDAY 15:00-09:00")).hasMessageContaining("closes before it opens");
	}
}
