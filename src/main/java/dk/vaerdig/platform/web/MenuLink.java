package dk.vaerdig.platform.web;

/**
 * One link of the staff menu as the layouts show it: the page, and the message key of its label. The access module
 * decides which links a user sees; the layouts (Thymeleaf's {@code layout.html} and jte's {@code layout.jte}) only
 * show them.
 */
public interface MenuLink {

	String href();

	String label();
}
