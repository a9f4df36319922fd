import './first-import';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initPlatform } from './platform';
import { installInvalidFocus } from './ui/invalid-focus';
import './styles/index.css';

initPlatform();
installInvalidFocus();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
