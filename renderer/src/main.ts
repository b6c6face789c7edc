import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { features, followPractice } from './features'
import { i18n, mergeMessages } from './i18n'
import { createAppRouter } from './router'
import './styles.css'

const pinia = createPinia()
mergeMessages(...features.map((f) => f.messages))
const app = createApp(App)
app.use(pinia)
followPractice(pinia)
app.use(i18n)
app.use(createAppRouter(pinia, features))
document.documentElement.lang = i18n.global.locale.value
app.mount('#app')
