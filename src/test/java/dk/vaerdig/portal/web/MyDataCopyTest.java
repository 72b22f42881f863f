package dk.vaerdig.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.OwnAccessLog;
import dk.vaerdig.casework.OwnCaseFile;
import dk.vaerdig.complaints.OwnComplaints;
import dk.vaerdig.letters.OwnLetters;
import dk.vaerdig.portal.PortalSettings;

/**
 * The copy of the data names the employee who looked only where the municipality's policy says so
 * ({@code vaerdig.portal.show-employee-names}); the team, the department and the purpose are always there, and the
 * copy holds the whole access log, the candidate's own reads included.
 */
class MyDataCopyTest {

	static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");

	MyDataCopy copy(boolean showNames) {
		OwnCaseFile caseFile = mock(OwnCaseFile.class);
		when(caseFile.plan()).thenReturn(new OwnCaseFile.Plan(List.of(), List.of()));
		OwnAccessLog log = mock(OwnAccessLog.class);
		when(log.entries(true, Integer.MAX_VALUE)).thenReturn(List.of(
				new OwnAccessLog.Access(AT, OwnAccessLog.Who.STAFF, "Team Job", "Jobparate", "Mette Kjær",
						AuditAction.VIEW_CASE, "forberedelse af samtale"),
				new OwnAccessLog.Access(AT, OwnAccessLog.Who.YOU, null, null, null, AuditAction.VIEW_CASE,
						"min side: overview")));
		dk.vaerdig.casework.OwnContact contact = mock(dk.vaerdig.casework.OwnContact.class);
		when(contact.preference()).thenReturn(dk.vaerdig.casework.ContactPreference.defaults());
		return new MyDataCopy(caseFile, mock(OwnLetters.class), mock(OwnComplaints.class), log,
				new PortalSettings(showNames), Clock.fixed(AT, ZoneOffset.UTC), contact,
				mock(dk.vaerdig.casework.OwnActivity.class));
	}

	@Test
	void byDefaultTheCopyGivesTheTeamAndThePurposeButNotTheEmployeesName() {
		MyDataCopy.MyData data = copy(false).mine();
		assertThat(data.employeeNamesShown()).isFalse();
		assertThat(data.accessLog()).hasSize(2).extracting(OwnAccessLog.Access::employee).containsOnlyNulls();
		assertThat(data.accessLog().get(0).team()).isEqualTo("Team Job");
		assertThat(data.accessLog().get(0).department()).isEqualTo("Jobparate");
		assertThat(data.accessLog().get(0).purpose()).isEqualTo("forberedelse af samtale");
		assertThat(data.accessLog().get(1).who()).isEqualTo(OwnAccessLog.Who.YOU);
	}

	@Test
	void whereThePolicySaysSoTheCopyNamesTheEmployee() {
		MyDataCopy.MyData data = copy(true).mine();
		assertThat(data.employeeNamesShown()).isTrue();
		assertThat(data.accessLog().get(0).employee()).isEqualTo("Mette Kjær");
	}
}
