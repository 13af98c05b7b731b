export function App() {
  return (
    <main>
      <h1>DOST — Kiosk</h1>
    </main>
  );
}
