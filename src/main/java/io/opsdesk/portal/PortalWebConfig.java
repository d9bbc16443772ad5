package io.opsdesk.portal;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The portal speaks zh-CN and en: the browser's {@code Accept-Language} picks one, {@code ?lang=en} or
 * {@code ?lang=zh-CN} switches and is remembered in a cookie; anything else falls back to
 * {@code opsdesk.default-locale}.
 */
@Configuration
class PortalWebConfig implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    /**
     * The portal's locale (cookie, else Accept-Language, else the default); every other path keeps
     * Spring's default, the request's Accept-Language as it is, so the API's messages do not change.
     */
    @Bean
    LocaleResolver localeResolver(@Value("${opsdesk.default-locale}") String defaultLocale) {
        Locale fallback = supported(Locale.forLanguageTag(defaultLocale), Locale.SIMPLIFIED_CHINESE);
        CookieLocaleResolver portal = new CookieLocaleResolver("opsdesk-lang") {
            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                super.setLocale(request, response, locale == null ? null : supported(locale, fallback));
            }
        };
        portal.setCookieMaxAge(Duration.ofDays(365));
        portal.setDefaultLocaleFunction(request -> request.getHeader("Accept-Language") == null ? fallback
                : Collections.list(request.getLocales()).stream()
                        .map(locale -> supported(locale, null)).filter(Objects::nonNull)
                        .findFirst().orElse(fallback));
        AcceptHeaderLocaleResolver elsewhere = new AcceptHeaderLocaleResolver();
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return isPortal(request) ? portal.resolveLocale(request) : elsewhere.resolveLocale(request);
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                (isPortal(request) ? portal : elsewhere).setLocale(request, response, locale);
            }
        };
    }

    private static boolean isPortal(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/portal");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/portal/**");
    }

    /** zh-* is Simplified Chinese, en-* English, anything else {@code otherwise}. */
    static Locale supported(Locale locale, Locale otherwise) {
        return switch (locale.getLanguage()) {
            case "zh" -> Locale.SIMPLIFIED_CHINESE;
            case "en" -> Locale.ENGLISH;
            default -> otherwise;
        };
    }
}
