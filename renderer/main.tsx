import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/App';
import { initPlatform } from './platform';
import './styles/index.css';

// zod's JIT compiles validators with new Function, which the CSP forbids: validate without it.
z.config({ jitless: true });
initPlatform();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
