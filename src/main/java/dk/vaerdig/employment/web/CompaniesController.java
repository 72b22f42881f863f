package dk.vaerdig.employment.web;

import java.time.LocalDate;
import java.util.Locale;

import jakarta.validation.Valid;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.casework.Casework;
import dk.vaerdig.employment.internal.Openings;
import dk.vaerdig.employment.internal.Profiles;
import dk.vaerdig.employment.web.EmploymentForms.CompanyForm;
import dk.vaerdig.employment.web.EmploymentForms.OpeningForm;
import dk.vaerdig.platform.Cvr;
import dk.vaerdig.platform.FieldLabel;
import dk.vaerdig.platform.Texts;

/** Companies and their openings, and the candidates who match an opening. */
@Controller
@RequiresPermission(Permission.WORK_WITH_EMPLOYERS)
class CompaniesController {

	private final Openings openings;

	private final Profiles profiles;

	private final Casework casework;

	private final StaffDirectory staff;

	private final PersonalDataReads reads;

	CompaniesController(Openings openings, Profiles profiles, Casework casework, StaffDirectory staff, PersonalDataReads reads) {
		this.reads = reads;
		this.openings = openings;
		this.profiles = profiles;
		this.casework = casework;
		this.staff = staff;
	}

	@NoPersonalData("companies and openings; no candidate")
	@GetMapping("/employment")
	String overview(Model model, Locale locale) {
		model.addAttribute("companies", openings.companies());
		model.addAttribute("openings", openings.open(locale));
		model.addAttribute("companyForm", new CompanyForm("", "", "", ""));
		model.addAttribute("openingForm", new OpeningForm(null, null, "", "", "", null, "", "", null));
		return page(model, locale);
	}

	private String page(Model model, Locale locale) {
		model.addAttribute("companies", openings.companies());
		model.addAttribute("openings", openings.open(locale));
		model.addAttribute("occupationGroups", profiles.occupationGroups(locale));
		model.addAttribute("kinds", Openings.Kind.values());
		return "employment/overview";
	}

	@NoPersonalData("companies and openings; no candidate")
	@PostMapping("/employment/companies")
	String registerCompany(@Valid @ModelAttribute("companyForm") CompanyForm form, BindingResult errors, Model model,
			Locale locale, RedirectAttributes redirect) {
		model.addAttribute("openingForm", new OpeningForm(null, null, "", "", "", null, "", "", null));
		if (!errors.hasErrors() && form.postalCode() != null && !form.postalCode().isBlank()
				&& !profiles.postalCodeExists(form.postalCode())) {
			errors.rejectValue("postalCode", "employment.form.postalUnknown");
		}
		if (errors.hasErrors()) {
			return page(model, locale);
		}
		try {
			openings.registerCompany(Cvr.of(form.cvr()), form.name(), Texts.blankToNull(form.postalCode()), form.agreement(),
					staff.currentStaff().username());
		}
		catch (DuplicateKeyException e) {
			errors.rejectValue("cvr", "employment.form.cvr.exists");
			return page(model, locale);
		}
		redirect.addFlashAttribute("flash", "employment.company.registered");
		return "redirect:/employment";
	}

	@NoPersonalData("companies and openings; no candidate")
	@PostMapping("/employment/openings")
	String createOpening(@Valid @ModelAttribute("openingForm") OpeningForm form, BindingResult errors, Model model,
			Locale locale, RedirectAttributes redirect) {
		model.addAttribute("companyForm", new CompanyForm("", "", "", ""));
		if (form.occupationCode() != null && !form.occupationCode().isBlank() && !profiles.occupationExists(form.occupationCode())) {
			errors.rejectValue("occupationCode", "form.invalidChoice");
		}
		if (form.deadline() != null && form.deadline().isBefore(LocalDate.now())) {
			errors.rejectValue("deadline", "form.notInPast");
		}
		if (form.postalCode() != null && !form.postalCode().isBlank() && !profiles.postalCodeExists(form.postalCode())) {
			errors.rejectValue("postalCode", "employment.form.postalUnknown");
		}
		if (errors.hasErrors()) {
			return page(model, locale);
		}
		long id = openings.createOpening(form.companyId(), form.kind(), form.occupationCode(), form.title(), form.description(),
				form.hoursPerWeek(), Texts.blankToNull(form.postalCode()), Texts.blankToNull(form.accommodations()), form.deadline(),
				staff.currentStaff().username());
		redirect.addFlashAttribute("flash", "employment.opening.created");
		return "redirect:/employment/openings/" + id;
	}

	record ContactForm(@FieldLabel("employment.contact.name")
			@jakarta.validation.constraints.NotBlank(message = "{form.required}")
	@jakarta.validation.constraints.Size(max = 100, message = "{form.tooLong}") String name,
			@FieldLabel("employment.contact.phone")
			@jakarta.validation.constraints.Pattern(regexp = "^$|^\\+?[0-9 ]{8,15}$", message = "{form.phone}") String phone,
			@FieldLabel("employment.contact.email")
			@jakarta.validation.constraints.Email(message = "{form.email}") @jakarta.validation.constraints.Size(max = 200, message = "{form.tooLong}") String email) {
	}

	@NoPersonalData("a company and its contact persons; no candidate")
	@GetMapping("/employment/companies/{id}")
	String company(@PathVariable long id, Model model, Locale locale) {
		model.addAttribute("form", new ContactForm("", "", ""));
		return companyPage(id, model, locale);
	}

	private String companyPage(long id, Model model, Locale locale) {
		model.addAttribute("company", openings.company(id));
		model.addAttribute("contacts", openings.contacts(id));
		model.addAttribute("companyOpenings", openings.openingsOf(id, locale));
		return "employment/company";
	}

	@NoPersonalData("a company and its contact persons; no candidate")
	@PostMapping("/employment/companies/{id}/contacts")
	String addContact(@PathVariable long id, @Valid @ModelAttribute("form") ContactForm form, BindingResult errors,
			Model model, Locale locale, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return companyPage(id, model, locale);
		}
		openings.addContact(id, form.name(), form.phone(), form.email());
		redirect.addFlashAttribute("flash", "employment.contact.saved");
		return "redirect:/employment/companies/" + id;
	}

	/** The candidates who match the opening, from the teams the user may see; the list is personal data, so logged. */
	@ReadsPersonalData(AuditAction.VIEW_LIST)
	@GetMapping("/employment/openings/{id}")
	String opening(@PathVariable long id, Model model, Locale locale) {
		var opening = openings.opening(id, locale);
		model.addAttribute("opening", opening);
		var matches = openings.forOpening(opening, casework::namesVisibleToMe, 20);
		reads.shown(matches.stream().map(m -> m.item().candidateId()).toList());
		model.addAttribute("matches", matches);
		return "employment/opening";
	}

}
