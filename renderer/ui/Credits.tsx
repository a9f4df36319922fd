import { ATTACK_CREDIT } from '../../shared/catalogue';
import { TOOL_NAME, TOOL_VERSION } from '../../shared/model';

/** About the app and the third-party data it ships, with the attributions their terms ask for. */
export function Credits() {
  return (
    <details className="credits">
      <summary>
        About {TOOL_NAME} {TOOL_VERSION} and credits
      </summary>
      <ul>
        <li>
          IEC 62443-3-3 catalogue: requirement ids, short titles and minimum levels; the standard’s text is
          not reproduced.
        </li>
        <li data-testid="credit-attack">{ATTACK_CREDIT}</li>
        <li>Fonts: Inter, DejaVu and Droid Sans Fallback, under their licences (shipped in the app).</li>
      </ul>
    </details>
  );
}
