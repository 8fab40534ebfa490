package dev.tangram.runtime.ui.shell;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.tangram.designer.components.LanguageSwitch;

/**
 * The login page. The form posts to Spring Security's {@code /login} (with the CSRF token Vaadin
 * puts in the page), which checks the password with the same lock-out as the API login.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final LoginForm login = new LoginForm();

  public LoginView() {
    addClassName("login-view");
    setSizeFull();
    setAlignItems(Alignment.CENTER);
    setJustifyContentMode(JustifyContentMode.CENTER);
    login.setAction("login");
    login.setForgotPasswordButtonVisible(false);
    login.setI18n(i18n());
    H1 brand = new H1(getTranslation("app.name"));
    brand.addClassName("login-brand");
    Paragraph tagline = new Paragraph(getTranslation("login.tagline"));
    tagline.addClassName("login-tagline");
    add(new LanguageSwitch(), brand, tagline, login);
  }

  private LoginI18n i18n() {
    LoginI18n i18n = LoginI18n.createDefault();
    LoginI18n.Form form = i18n.getForm();
    form.setTitle(getTranslation("login.title"));
    form.setUsername(getTranslation("login.username"));
    form.setPassword(getTranslation("login.password"));
    form.setSubmit(getTranslation("login.submit"));
    LoginI18n.ErrorMessage error = i18n.getErrorMessage();
    error.setTitle(getTranslation("login.error.title"));
    error.setMessage(getTranslation("login.error.message"));
    return i18n;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("login.title") + " · " + getTranslation("app.name");
  }
}
