import { InspectorApp } from '../modules/inspector/components/InspectorApp';

/** The inspector's mobile app (installable, works offline). */
export function InspectorPage() {
  return <InspectorApp />;
}
