/*
 * OpsDesk's configuration of Camunda Tasklist (replaces the webjar's scripts/config.js: classpath resources
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
    name: '运维支撑 · 任务列表'
  },
  locales: {
    availableLocales: ['zh-CN', 'en'],
    fallbackLocale: 'zh-CN'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务 (claim)'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到列表中的第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“启动流程”对话框'
    }
  }
};
