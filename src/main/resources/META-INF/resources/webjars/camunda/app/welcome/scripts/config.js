/*
 * OpsDesk's configuration of Camunda Welcome (replaces the webjar's scripts/config.js: classpath resources
 * under META-INF/resources/webjars/camunda are served ahead of the webjar's).
 *
 * Language: the webapp takes the browser's first language (navigator.languages[0]), cuts it at the first
 * "-" and looks that (lower case) up in availableLocales. So an English browser ("en", "en-US") gets en.json;
 * every other browser language, Chinese ("zh-CN" -> "zh") included, gets the fallbackLocale: zh-CN.json,
 * OpsDesk's own translation in locales/. zh-CN is therefore the default, English the alternative for
 * English browsers. A key missing in the chosen locale would be taken from the fallback locale;
 * WebappTranslationsTest keeps zh-CN.json complete against the shipped en.json.
 */
export default {
  app: {
    vendor: 'OpsDesk',
    name: '运维支撑 · 欢迎'
  },
  locales: {
    availableLocales: ['zh-CN', 'en'],
    fallbackLocale: 'zh-CN'
  }
};
