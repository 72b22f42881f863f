package dk.vaerdig.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import dk.vaerdig.casework.internal.Agreements.Responsible;
import dk.vaerdig.casework.internal.Meeting;
import dk.vaerdig.casework.internal.MeetingService;
import dk.vaerdig.casework.internal.HandoverService;
import dk.vaerdig.platform.WorkingDays;

/**
 * The casework module on its own (with the modules it depends on, and no demo data): recording a meeting and changing
 * caseworker publish the events that the surveys and insights modules will listen to.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class CaseworkModuleTest {

	@Autowired
	MeetingService meetings;

	@Autowired
	HandoverService handovers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDays workingDays;

	long candidate;

	@BeforeEach
	void aTeamWithTwoCaseworkersAndACandidate() {
		if (jdbc.sql("SELECT count(*) FROM team").query(Long.class).single() == 0) {
			long team = jdbc.sql("INSERT INTO team (name, department) VALUES ('Team Modul', 'Test') RETURNING id")
				.query(Long.class).single();
			for (String user : List.of("anne", "bo")) {
				jdbc.sql("INSERT INTO staff_user (username, display_name, phone, role, team_id) VALUES (?, ?, '+45 12345678', 'CASEWORKER', ?)")
					.params(user, user.toUpperCase(), team).update();
			}
		}
		candidate = jdbc.sql("""
				INSERT INTO candidate (cpr, first_name, last_name, target_group_code, course_started, caseworker, team_id)
				SELECT '0101' || lpad(CAST(nextval('candidate_id_seq') % 100 AS TEXT), 2, '0') || '-' ||
				       lpad(CAST(floor(random() * 4000) AS TEXT), 4, '0'),
				       'Karen', 'Modulsen', 'LAB01', current_date - 10, 'anne', id FROM team LIMIT 1 RETURNING id""")
			.query(Long.class).single();
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("anne", null, "ROLE_CASEWORKER"));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void recordingAMeetingPublishesMeetingHeld(Scenario scenario) {
		Meeting planned = meetings.plan(candidate, workingDays.plus(LocalDate.now(), 1).atTime(9, 0),
				Meeting.Form.PHONE, null, "Dagsorden");
		scenario.stimulate(() -> meetings.record(candidate, planned.getId(), new MeetingService.Record(LocalDateTime.now(),
				"Vi talte om job", null, "Søg job", null, List.of(new MeetingService.AgreementInput(Responsible.CANDIDATE, "Søg 2 job", null)),
				List.of(), planned.getVersion())))
			.andWaitForEventOfType(MeetingHeld.class)
			.matching(e -> e.meetingId() == planned.getId())
			.toArriveAndVerify(e -> {
				assertThat(e.candidateId()).isEqualTo(candidate);
				assertThat(e.caseworker()).isEqualTo("anne");
				assertThat(e.targetGroupCode()).isEqualTo("LAB01");
			});
	}

	@Test
	void reassigningPublishesCaseworkerChanged(Scenario scenario) {
		scenario.stimulate(() -> handovers.reassign(candidate, "bo", "Anne får nye opgaver", 0))
			.andWaitForEventOfType(CaseworkerChanged.class)
			.matching(e -> e.candidateId() == candidate)
			.toArriveAndVerify(e -> {
				assertThat(e.fromCaseworker()).isEqualTo("anne");
				assertThat(e.toCaseworker()).isEqualTo("bo");
			});
	}

	@Test
	void aWishForANewCaseworkerPublishesNewCaseworkerRequested(Scenario scenario) {
		LocalDateTime talk = workingDays.plus(LocalDate.now(), 2).atTime(13, 0);
		scenario.stimulate(() -> handovers.requestNewCaseworker(candidate, LocalDate.now(), null, talk,
				java.util.Locale.forLanguageTag("da")))
			.andWaitForEventOfType(NewCaseworkerRequested.class)
			.matching(e -> e.candidateId() == candidate)
			.toArriveAndVerify(e -> assertThat(e.currentCaseworker()).isEqualTo("anne"));
	}
}
