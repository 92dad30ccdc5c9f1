/** MapLibre's UI strings in bokmål; `Map.Title` is the map canvas's accessible name. */
export const MAP_LOCALE_NB: Record<string, string> = {
  'AttributionControl.ToggleAttribution': 'Vis eller skjul kilder',
  'AttributionControl.MapFeedback': 'Tilbakemelding om kartet',
  'FullscreenControl.Enter': 'Fullskjerm',
  'FullscreenControl.Exit': 'Avslutt fullskjerm',
  'GeolocateControl.FindMyLocation': 'Finn min posisjon',
  'GeolocateControl.LocationNotAvailable': 'Posisjonen er ikke tilgjengelig',
  'LogoControl.Title': 'MapLibre-logo',
  'Map.Title': 'Kart over Asker kommune',
  'Marker.Title': 'Kartmarkør',
  'NavigationControl.ResetBearing': 'Dra for å rotere kartet, klikk for å sette nord opp',
  'NavigationControl.ZoomIn': 'Zoom inn',
  'NavigationControl.ZoomOut': 'Zoom ut',
  'Popup.Close': 'Lukk',
  'ScaleControl.Meters': 'm',
  'ScaleControl.Kilometers': 'km',
  'CooperativeGesturesHandler.WindowsHelpText': 'Bruk Ctrl + rullehjul for å zoome kartet',
  'CooperativeGesturesHandler.MacHelpText': 'Bruk ⌘ + rullehjul for å zoome kartet',
  'CooperativeGesturesHandler.MobileHelpText': 'Bruk to fingre for å flytte kartet'
};

/** MapLibre's UI strings in English (its defaults), with the map canvas's accessible name. */
export const MAP_LOCALE_EN: Record<string, string> = {
  'Map.Title': 'Map of Asker municipality'
};
