export function App() {
  return (
    <main>
      <h1>DOST — Staff console</h1>
    </main>
  );
}
